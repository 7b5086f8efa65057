/**
 * What aftercall runs on when nothing is configured: one machine, no keys, no cloud. The config
 * schema's defaults, the CLI, the demo, the bench and the relay's container all take these from
 * here, so a default changes in one place.
 */
export const EMBEDDED_DEFAULTS = {
  dataDir: '.aftercall',
  bucket: 'aftercall-recordings',
  region: 'us-east-1',
  tenant: 'demo',
  host: '127.0.0.1',
  /** The local server: webhooks, API, web UI and live captions. */
  httpPort: 3000,
  /** The caption relay on its own (bin/relay.ts), also the port its container exposes. */
  relayPort: 8787,
  /**
   * LiveKit's dev server (`livekit-server --dev`) signs webhooks with this pair. Accepted locally
   * when LIVEKIT_API_KEY/SECRET are unset; never on AWS.
   */
  livekitDevKeys: { apiKey: 'devkey', apiSecret: 'secret' },
} as const;

/** The local server's base URL when nothing is configured. */
export const EMBEDDED_HTTP_URL = `http://${EMBEDDED_DEFAULTS.host}:${EMBEDDED_DEFAULTS.httpPort}`;
