/** The gate event log: vehicles arriving and leaving through the gate lanes, linked to declarations. */
import { z } from 'zod';
import { GateEvent, GateListInput, GateListOutput, GatePresentInput, PresentVehicle, RecordGateInput } from '../schemas/gate';
import { channel } from '../channel';

export const gateChannels = {
  /**
   * An officer's own sighting at a lane; audited, linked to a declaration by plate.
   * Officers and supervisors staff the gate; recognition has its own entry point (see RecordGateInput).
   */
  'cw:gate.record': channel({ input: RecordGateInput, output: GateEvent, access: 'gate.record' }),
  /** Recent events, newest first, paged; filtered by lane and part of a plate. */
  'cw:gate.list': channel({ input: GateListInput, output: GateListOutput, access: 'port.view' }),
  /** Vehicles at the gate now: per plate, an arrival with no later departure, within the dwell window. */
  'cw:gate.present': channel({ input: GatePresentInput, output: z.array(PresentVehicle), access: 'port.view' }),
} as const;

export const gateEvents = {
  /** A vehicle was recorded arriving at or leaving a gate lane (by an officer or by recognition). */
  'cw:gate.recorded': GateEvent,
} as const;
