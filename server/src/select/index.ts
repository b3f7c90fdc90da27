// Selecting lines of a large log: a filter over one line and its findings (see filter.ts).
export { compileFilter, outcomeOf, type LineFilter, type LineFilterSpec, type Outcome } from './filter';
