import type { BlockHandler } from '../types.ts';

// Definitions are collected before mapping (see create-state); they print nothing where they stand.
export const definition: BlockHandler<'definition'> = () => [];
