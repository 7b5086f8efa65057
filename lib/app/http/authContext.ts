/** Who is calling the API: resolved from the API key before any route runs. */
export interface AuthContext {
  tenantId: string;
  role: 'member' | 'admin';
  keyId: string;
}

/** Hono's typed context variables for every authenticated route: `c.get('auth')`. */
export interface ApiEnv {
  Variables: { auth: AuthContext };
}
