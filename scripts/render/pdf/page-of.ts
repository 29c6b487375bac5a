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
  const positions = (node as { positions?: Array<{ pageNumber?: number }> }).positions;
  return positions?.[0]?.pageNumber;
}
