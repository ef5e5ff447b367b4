import { z } from 'zod';

/** ISO-8601 instant in UTC, e.g. 2026-11-25T19:20:00.000Z. */
export const IsoTime = z.iso.datetime({ offset: true });

export const Id = z.string().min(1).max(64);

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Theme = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** Live work and training never share a database (see DESIGN.md, Users). */
export const Mode = z.enum(['live', 'training']);
export type Mode = z.infer<typeof Mode>;

/** Who did something: the account id and the display name at the time. */
export const Person = z.object({ id: z.string(), name: z.string() });
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (SHA-256)');
/** Trimmed, non-empty text of at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
