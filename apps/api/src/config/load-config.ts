import { config as loadDotenv } from 'dotenv';
import { AppConfig, parseConfig } from './app-config';

/** Reads .env (if present) without overriding real environment variables, then validates. */
export function loadConfig(): AppConfig {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}
