import type { HealthAlert } from '@postprober/shared/health-events';
import { ReplayGate } from './alert-replay';

const alert = (id: string): HealthAlert => ({
  id,
  type: 'opened',
  incident_id: '00000000-0000-4000-8000-000000000001',
  monitor_id: '00000000-0000-4000-8000-000000000002',
  platform: 'twitter',
  kind: 'availability',
  severity: 'critical',
  message: `alert ${id}`,
  action: 'Wait',
  timestamp: '2026-11-25T05:00:00.000Z',
});
const ids = (alerts: HealthAlert[]) => alerts.map((a) => a.id);

describe('ReplayGate', () => {
  it('holds live alerts during the replay and sends only the ones the replay did not cover, in order', () => {
    const gate = new ReplayGate('10');
    gate.clampFloor('12');
    // Raised and published while the replay query ran: 12 is also in the replay, 14 and 13 are not.
    expect(gate.live([alert('12')])).toEqual([]);
    expect(gate.live([alert('14')])).toEqual([]);
    expect(gate.live([alert('13')])).toEqual([]);
    expect(gate.replaying).toBe(true);
    expect(ids(gate.replayed([alert('11'), alert('12')]))).toEqual(['11', '12']);
    expect(ids(gate.finish())).toEqual(['13', '14']);
    expect(gate.replaying).toBe(false);
    expect(ids(gate.live([alert('15')]))).toEqual(['15']);
  });

  it('drops a late publish of an alert the replay already sent', () => {
    const gate = new ReplayGate('3');
    gate.clampFloor('5');
    gate.replayed([alert('4'), alert('5')]);
    expect(gate.finish()).toEqual([]);
    expect(gate.live([alert('5')])).toEqual([]);
    expect(ids(gate.live([alert('4'), alert('6')]))).toEqual(['6']);
  });

  it('sends a held alert once even if it was published twice', () => {
    const gate = new ReplayGate('1');
    gate.clampFloor('1');
    gate.live([alert('2')]);
    gate.live([alert('2'), alert('3')]);
    expect(ids(gate.finish())).toEqual(['2', '3']);
  });

  it('continues the floor across replay pages', () => {
    const gate = new ReplayGate('0');
    gate.clampFloor('4');
    expect(ids(gate.replayed([alert('1'), alert('2')]))).toEqual(['1', '2']);
    expect(ids(gate.replayed([alert('3'), alert('4')]))).toEqual(['3', '4']);
    gate.live([alert('4'), alert('5')]);
    expect(ids(gate.finish())).toEqual(['5']);
  });

  it('lets live alerts above the floor through in any order once open', () => {
    const gate = new ReplayGate('7');
    gate.clampFloor('7');
    gate.finish();
    expect(ids(gate.live([alert('9')]))).toEqual(['9']);
    expect(ids(gate.live([alert('8')]))).toEqual(['8']);
  });

  it('lowers a client id that is ahead of the newest alert, so new alerts are not hidden', () => {
    const gate = new ReplayGate('500');
    gate.clampFloor('20');
    expect(gate.replayed([])).toEqual([]);
    gate.live([alert('21')]);
    expect(ids(gate.finish())).toEqual(['21']);
    expect(ids(gate.live([alert('22')]))).toEqual(['22']);
  });

  it('treats an organization without alerts as floor zero', () => {
    const gate = new ReplayGate('500');
    gate.clampFloor(null);
    gate.finish();
    expect(ids(gate.live([alert('1')]))).toEqual(['1']);
  });

  it('compares ids as numbers, not text', () => {
    const gate = new ReplayGate('9');
    gate.clampFloor('9');
    gate.live([alert('10'), alert('100'), alert('9')]);
    expect(ids(gate.finish())).toEqual(['10', '100']);
  });
});
