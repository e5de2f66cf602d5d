/** Structured log line sink; the default writes JSON lines to stderr. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string, fields?: object) => void;

export const consoleLogger: Logger = (level, message, fields) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`,
  );
};

export const silentLogger: Logger = () => {};
