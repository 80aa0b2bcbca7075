export * from './scales';
export * from './eligibility';
export * from './votingWindow';
export * from './questions';
export * from './ballotRules';
export * from './roundRules';
export * from './comments';
export * from './tally';
