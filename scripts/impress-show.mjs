// Shared by the end-to-end test (desktop/test/e2e/speaker-impress-show.e2e.test.ts) and npm run bench.
/**
 * The real LibreOffice Impress presenting a generated deck on a test display, with its remote control
 * switched on (as a user does once in its options) and DeskRemote's name and PIN already authorised (as
 * after the user typed the PIN into Impress once). A profile of its own in a temporary folder.
 *
 * One profile setting is for Xvfb: the Slide pane is hidden. Its thumbnail cache re-arms a 10 ms timer
 * for as long as a full-screen show runs (it waits for an idle moment a show never has), and with VCL's
 * X11 loop running one task per pass, that timer starves every repaint: on a display without a stream of
 * input events (Xvfb) the show is never painted. Found with gdb on soffice.bin (Timer::Invoke).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A flat ODF presentation (one XML file): one full-slide rectangle per slide, and its notes. */
export function deckXml(slides) {
  const styles = slides
    .map(
      (s, i) =>
        `<style:style style:name="r${i}" style:family="graphic"><style:graphic-properties draw:fill="solid" draw:fill-color="${s.colour}" draw:stroke="none"/></style:style>`,
    )
    .join('');
  const pages = slides
    .map(
      (s, i) =>
        `<draw:page draw:name="s${i + 1}" draw:master-page-name="Default"><draw:rect draw:style-name="r${i}" svg:x="0cm" svg:y="0cm" svg:width="28cm" svg:height="15.75cm"/>` +
        `<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm"><draw:text-box>${s.notes
          .map((line) => `<text:p>${escapeXml(line)}</text:p>`)
          .join('')}</draw:text-box></draw:frame></presentation:notes></draw:page>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>${styles}</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/></office:master-styles>
<office:body><office:presentation>
${pages}
</office:presentation></office:body></office:document>
`;
}

function profileXml(remote) {
  const item = (path, prop, value) =>
    `<item oor:path="${path}"><prop oor:name="${prop}" oor:op="fuse"><value>${value}</value></prop></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item('/org.openoffice.Office.Common/Misc', 'FirstRun', 'false')}
${item('/org.openoffice.Office.Common/Misc', 'ShowTipOfTheDay', 'false')}
${item('/org.openoffice.Office.Impress/Misc/Start', 'EnableSdremote', 'true')}
${item('/org.openoffice.Office.Impress/Misc/Start', 'EnablePresenterScreen', 'false')}
${item('/org.openoffice.Office.Impress/MultiPaneGUI/SlideSorterBar/Visible', 'ImpressView', 'false')}
<item oor:path="/org.openoffice.Office.Impress/Misc/AuthorisedRemotes"><node oor:name="${escapeXml(remote.name)}" oor:op="replace"><prop oor:name="PIN" oor:op="fuse"><value>${remote.pin}</value></prop></node></item>
</oor:items>
`;
}

/** Whether something listens on 127.0.0.1:`port`. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export class ImpressShow {
  constructor(office, dir) {
    this.office = office;
    this.dir = dir;
  }

  /** Starts the show (soffice --show) and waits for its remote control to listen on 1599. */
  static async start(display, slides, remote) {
    if (await listening(1599)) throw new Error('something already listens on 1599, Impress’s remote-control port');
    const dir = await mkdtemp(join(tmpdir(), 'deskremote-impress-'));
    await writeFile(join(dir, 'deck.fodp'), deckXml(slides));
    await mkdir(join(dir, 'profile', 'user'), { recursive: true });
    await writeFile(join(dir, 'profile', 'user', 'registrymodifications.xcu'), profileXml(remote));
    // A fresh profile can make the first soffice exit at once (it hands over, or restarts itself): one more try.
    for (let attempt = 1; ; attempt++) {
      const office = spawn(
        'soffice',
        [
          '--norestore',
          '--nologo',
          '--nofirststartwizard',
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--show',
          join(dir, 'deck.fodp'),
        ],
        { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', detached: true },
      );
      const show = new ImpressShow(office, dir);
      const deadline = Date.now() + 60_000;
      while (!(await listening(1599)) && office.exitCode === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      if (await listening(1599)) return show;
      await show.stop(attempt < 2);
      if (attempt >= 2)
        throw new Error('LibreOffice Impress did not open its remote control (apt-get install -y libreoffice-impress)');
    }
  }

  /** Ends the show; `keepFiles` for another try with the same deck and profile. */
  async stop(keepFiles = false) {
    // soffice is a script that starts soffice.bin: the whole group goes.
    if (this.office.pid !== undefined && this.office.exitCode === null) {
      try {
        process.kill(-this.office.pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-this.office.pid, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
    if (!keepFiles) await rm(this.dir, { recursive: true, force: true });
    // The lock a killed Impress leaves would ask "Document in Use" of the next try.
    else await rm(join(this.dir, '.~lock.deck.fodp#'), { force: true });
  }
}
