import { useEffect, useState } from 'react';
import type { Problem } from '../connection/connection';
import { problemText } from '../i18n/words';

/** The last problem, shown for a few seconds in the reader's language. */
export function Toast({ problem }: { problem: Problem | undefined }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!problem) return;
    setVisible(true);
    // What a moved host means for bookmarks takes longer to read than a refused tap.
    const timer = setTimeout(() => setVisible(false), problem.code.startsWith('host-moved') ? 12_000 : 4000);
    return () => clearTimeout(timer);
  }, [problem]);
  if (!problem || !visible) return null;
  return (
    <div className="toast" role="status" data-testid="toast" data-code={problem.code}>
      {problemText(problem.code, problem.params)}
    </div>
  );
}
