import type { Handler } from '../state.ts';

/** Link definitions print nothing: `linkReference` reads them (collected before mapping). */
export const definition: Handler = () => [];
