// Streams: lines cut from text or bytes that arrive in pieces, folded through the scanner and
// the rules with their state carried across pieces. Pure: the pieces come from the caller.
export { LineFold, type LineBatch, type LineReport } from './fold';
export { LineSplitter, lineBatches, splitLines } from './lines';
export { countLineBreaks, foldChunk, lineChunks, wholeLinesLength, type ChunkFold, type LineChunk } from './chunks';
export { foldAhead, type ChunkResult, type ChunkRunner, type Speculation } from './ahead';
