export const problem = { $ref: 'Problem#' } as const;
export const tags = ['content'];
