/** Recorded in every manifest; a test keeps it equal to package.json's version. */
export const AFTERCALL_VERSION = '0.1.0';
