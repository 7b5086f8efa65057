// LanceDB filters are SQL text. Ids come from users, so values are only ever written as quoted
// literals, with the quote doubled: `x' OR '1'='1` stays one string that matches nothing.
// Column names are ours (constants), never user input.

/** A SQL string literal for any value; backslashes need no escaping in standard SQL literals. */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

export const sqlEquals = (column: string, value: string): string => `${column} = ${sqlString(value)}`;

export const sqlIn = (column: string, values: readonly string[]): string => `${column} IN (${values.map(sqlString).join(', ')})`;

/** Conditions joined with AND, each parenthesised; nulls are left out. */
export const sqlAnd = (...conditions: readonly (string | null)[]): string =>
  conditions
    .filter((condition) => condition !== null)
    .map((condition) => `(${condition})`)
    .join(' AND ');
