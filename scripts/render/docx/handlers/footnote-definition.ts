import type { BlockHandler } from '../types.ts';

// The note's text is written to the footnotes part (see create-state), not where the definition stands.
export const footnoteDefinition: BlockHandler<'footnoteDefinition'> = () => [];
