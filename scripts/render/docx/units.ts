/** Word's units: twips (1/20 pt) for lengths, half-points for font sizes, rrggbb colours. */
export const twips = (points: number): number => Math.round(points * 20);
export const halfPoints = (points: number): number => Math.round(points * 2);
export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();
