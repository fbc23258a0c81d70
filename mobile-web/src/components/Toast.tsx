import { useEffect, useState } from 'react';

/** The last problem the desktop reported, shown for a few seconds. */
export function Toast({ problem }: { problem: { message: string; at: number } | undefined }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!problem) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), 4000);
    return () => clearTimeout(timer);
  }, [problem]);
  if (!problem || !visible) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {problem.message}
    </div>
  );
}
