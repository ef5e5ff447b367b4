/** Recognition at the gate: frames in, lane live state and decisions out, settings and policies for supervisors. */
import { z } from 'zod';
import { channel, none } from '../channel';
import {
  DecisionTimesInput,
  DecisionTimesOutput,
  GateDecision,
  GateDecisionListInput,
  LaneLive,
  RecognitionFrameInput,
  RecognitionFrameOutput,
  RecognitionSetup,
  ResolveAlertInput,
  SetCameraSettingsInput,
  SetLanePolicyInput,
} from '../schemas/recognition';

export const recognitionChannels = {
  /** The cameras recognition reads (from the site file) with their settings, and each lane's policy. */
  'cw:recognition.setup': channel({ input: none, output: RecognitionSetup, access: 'port.view' }),
  /** A supervisor's settings for one camera (on/off, ROI, threshold, frame rate); audited. */
  'cw:recognition.setCamera': channel({ input: SetCameraSettingsInput, output: RecognitionSetup, access: 'gate.policy' }),
  /** A supervisor's auto-release policy for one lane; audited. */
  'cw:recognition.setLanePolicy': channel({ input: SetLanePolicyInput, output: RecognitionSetup, access: 'gate.policy' }),
  /**
   * A lane camera's frame, sent by the gate screen while it shows the lane. Read in a
   * worker; a frame arriving while the camera's previous one still waits replaces it.
   */
  'cw:recognition.frame': channel({
    input: RecognitionFrameInput,
    output: RecognitionFrameOutput,
    access: 'gate.record',
  }),
  /** Each gate lane camera now: its last read, counters and barrier. */
  'cw:recognition.lanes': channel({ input: none, output: z.array(LaneLive), access: 'port.view' }),
  /** Recent decisions, newest first (open alerts only when asked). */
  'cw:recognition.decisions': channel({ input: GateDecisionListInput, output: z.array(GateDecision), access: 'port.view' }),
  /** The officer confirms or corrects an alert; audited as the officer's decision. */
  'cw:recognition.resolve': channel({ input: ResolveAlertInput, output: GateDecision, access: 'gate.record' }),
  /** First sighting to decision per vehicle, for the release-time dashboard. */
  'cw:recognition.decisionTimes': channel({ input: DecisionTimesInput, output: DecisionTimesOutput, access: 'port.view' }),
} as const;

export const recognitionEvents = {
  /** A lane's live state changed (a frame was read). */
  'cw:recognition.lane': LaneLive,
  /** A vehicle was decided: released automatically, or an alert raised or resolved. */
  'cw:recognition.decided': GateDecision,
} as const;
