/**
 * The page a laid-out node starts on.
 *
 * Note: pdfmake lays out the body before it calls the header and footer functions
 * (LayoutBuilder.tryLayoutDocument: processNode, then addHeadersAndFooters), and it
 * records each node's `positions` on the very object of the document definition. So a
 * header function can ask on which page a heading landed in the current layout. This is
 * how running headers follow the chapter; the guide's tests read the headers back, so a
 * pdfmake change here shows up as a failing test, not as silently wrong headers.
 */
export function pageOf(node: object): number | undefined {
  return positionsOf(node)[0]?.pageNumber;
}

/** Where pdfmake laid out each line of a node, in the current layout pass (none before it). */
export interface Position {
  pageNumber: number;
  left: number;
  top: number;
  pageInnerHeight: number;
}

export function positionsOf(node: object): Position[] {
  return (node as { positions?: Position[] }).positions ?? [];
}
