import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRealServer, type RealServer } from '../cases/realServer';
import { ExportMenu } from './ExportMenu';

let server: RealServer;
beforeAll(async () => {
  server = await startRealServer();
}, 30_000);
afterAll(async () => {
  await server.stop();
});
/** The browser's fetch, sent to the real server of this file. */
const toServer = (path: string) => fetch(`${server.url}${path}`);

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ExportMenu', () => {
  it('lists the downloads of the analysis open in the editor', async () => {
    window.history.replaceState(null, '', '/a/book123');
    const user = userEvent.setup();
    render(<ExportMenu />);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const menu = screen.getByRole('menu');
    expect(menu).toBeTruthy();
    const items = screen.getAllByRole('menuitem').filter((item) => item.tagName === 'A');
    expect(items.map((item) => [item.textContent, item.getAttribute('href')])).toEqual([
      ['PDF report (A4)', '/api/analyses/book123/export?format=pdf&paper=a4'],
      ['PDF report (US Letter)', '/api/analyses/book123/export?format=pdf&paper=letter'],
      ['Word (.docx)', '/api/analyses/book123/export?format=docx'],
      ['Markdown (.md)', '/api/analyses/book123/export?format=md'],
      ['Actions (.csv)', '/api/analyses/book123/export?format=csv&table=actions'],
      ['Whys (.csv)', '/api/analyses/book123/export?format=csv&table=whys'],
      ['JSON (.json)', '/api/analyses/book123/export?format=json'],
      ['Tree as SVG (.svg)', '/api/analyses/book123/export?format=svg'],
      ['Tree as PNG (.png, 2x)', '/api/analyses/book123/export?format=png'],
    ]);
    const forCustomer = within(screen.getByRole('group', { name: 'For the customer' }));
    expect(forCustomer.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      "Customer's version (PDF)",
      "Customer's version (Markdown)",
    ]);
    for (const item of items) expect(item.hasAttribute('download')).toBe(true);
    expect(document.activeElement).toBe(items[0]);
  });

  it('closes on Escape and gives the focus back to the button', async () => {
    const user = userEvent.setup();
    render(<ExportMenu analysisId="late456" />);
    const button = screen.getByRole('button', { name: 'Export' });
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('PDF report (US Letter)');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe("Customer's version (Markdown)");
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it("asks for a reason before sending an open analysis's customer's version", async () => {
    const user = userEvent.setup();
    render(<ExportMenu analysisId="nosuchanalysis42" fetchExport={toServer} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('menuitem', { name: "Customer's version (Markdown)" }));
    expect(screen.queryByRole('menu')).toBeNull();
    const dialog = within(screen.getByRole('dialog', { name: "Send the customer's version" }));
    const send = dialog.getByRole('button', { name: 'Export' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await user.type(
      dialog.getByRole('textbox', { name: 'Reason for sending before closing' }),
      'Asked today',
    );
    await user.click(send);
    // The real server refuses (there is no such analysis) and its own words are shown.
    expect((await dialog.findByRole('alert')).textContent).toBe(
      'No analysis with id "nosuchanalysis42".',
    );
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("shows the server's refusal of a closed analysis's customer's version at once", async () => {
    const user = userEvent.setup();
    render(<ExportMenu analysisId="nosuchanalysis43" closed fetchExport={toServer} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('menuitem', { name: "Customer's version (PDF)" }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.queryByRole('textbox')).toBeNull();
    expect((await dialog.findByRole('alert')).textContent).toBe(
      'No analysis with id "nosuchanalysis43".',
    );
  });
});
