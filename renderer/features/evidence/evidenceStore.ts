import { create } from 'zustand';

/** The case this window last added evidence to: the add-to-case dialog offers it first while it stays open. */
export const useEvidence = create<{ lastCaseId: string | null }>(() => ({ lastCaseId: null }));
