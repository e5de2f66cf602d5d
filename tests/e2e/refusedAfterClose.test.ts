import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  closeInEditor,
  expectWhys,
  openNode,
  openRoom,
  statusOf,
  whyTexts,
  type Person,
  type Room,
} from '../fixtures/room';
import { waitForServerSnapshot } from '../fixtures/server';

const PROBLEM = 'Why are the customers angry?';
const CLOSED = 'This analysis is closed; reopen it to make changes.';
/** The editor's read-only banner and the server's reason both end this way. */
const REOPEN_TO_CHANGE = /reopen it to make changes/i;

/**
 * Carol types offline while Ada closes the analysis. When Carol is back, the server refuses her
 * change (close code 4409): she is told why and that her text is kept, nobody else gets it, and
 * her browser does not hammer the server with reconnections. Once Ada reopens the analysis,
 * Carol's kept change goes through.
 */
describe('a change refused because the analysis was closed meanwhile', () => {
  let room: Room;
  let ada: Person;
  let carol: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, carol] = await room.joinAll(['Ada', 'Carol']);
  });
  afterAll(() => room?.close());

  it('tells the person why, reaches nobody, and keeps their text until it can be saved', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys([ada.page, carol.page], ['Overcharged']);

    await carol.context.setOffline(true);
    await statusOf(carol.page, 'offline').waitFor();
    await openNode(carol.page, 'Overcharged');
    await carol.page.keyboard.press('Control+End');
    await carol.page.keyboard.type(' by Carol', { delay: 5 });

    await closeInEditor(ada.page, 'Handled in another analysis');
    await ada.page.getByText(REOPEN_TO_CHANGE).first().waitFor();

    let sockets = 0;
    carol.page.on('websocket', () => sockets++);
    await carol.context.setOffline(false);

    const alert = carol.page.getByRole('alert').filter({ hasText: 'were not saved' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain(`Your latest changes were not saved: ${CLOSED}`);
    await statusOf(carol.page, 'refused').waitFor();
    // She sees the analysis closed, and her own text is still on her screen.
    await carol.page.getByRole('banner').getByText('Closed', { exact: true }).waitFor();
    expect(await whyTexts(carol.page)).toEqual(['Overcharged by Carol']);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sockets).toBe(1); // no reconnection loop
    expect(await whyTexts(ada.page)).toEqual(['Overcharged']);
    const onServer = await waitForServerSnapshot<{ whys: Record<string, { text: string }> }>(
      room.server.url,
      room.analysisId,
      () => true,
      'the analysis',
    );
    expect(Object.values(onServer.whys).map((why) => why.text)).toEqual(['Overcharged']);

    // Once Ada reopens the analysis, Carol's kept change goes through by itself: the server asks
    // her for what she kept.
    await ada.page.getByRole('button', { name: 'Reopen' }).click();
    await statusOf(carol.page, 'connected').waitFor({ timeout: 10_000 });
    await expectWhys([ada.page, carol.page], ['Overcharged by Carol']);
    expect(await carol.page.getByRole('alert').filter({ hasText: 'were not saved' }).count()).toBe(
      0,
    );
    expect([...ada.errors, ...carol.errors]).toEqual([]);
  });

  it('sends the kept text at once when the person refused reopens the analysis herself', async () => {
    await carol.context.setOffline(true);
    await statusOf(carol.page, 'offline').waitFor();
    await openNode(carol.page, 'Overcharged by Carol');
    await carol.page.keyboard.press('Control+End');
    await carol.page.keyboard.type(' again', { delay: 5 });
    await closeInEditor(ada.page, 'Handled in another analysis');
    await ada.page.getByText(REOPEN_TO_CHANGE).first().waitFor();
    await carol.context.setOffline(false);
    await statusOf(carol.page, 'refused').waitFor({ timeout: 10_000 });

    // Her own reopen goes with her kept text, without waiting for the next attempt.
    await carol.page.getByRole('button', { name: 'Reopen' }).click();
    await statusOf(carol.page, 'connected').waitFor({ timeout: 5_000 });
    await expectWhys([ada.page, carol.page], ['Overcharged by Carol again']);
    await ada.page.getByRole('banner').getByText('Draft', { exact: true }).waitFor();
    expect([...ada.errors, ...carol.errors]).toEqual([]);
  });
});
