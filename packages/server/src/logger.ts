import { pino } from 'pino';
import type { Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { ServerConfig } from './env-config.ts';

/**
 * JSON lines on stdout in production (one object a line, for a log collector); readable, coloured lines in
 * development. LOG_LEVEL sets the level either way.
 */
export function serverLogger(config: Pick<ServerConfig, 'logFormat'>, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  if (config.logFormat === 'json') return pino({ level });
  return pino(
    { level },
    PinoPretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true }),
  );
}
