import 'server-only';
import { AppError } from '../../errors/app-error';

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === 'P2002';
}

export function nameConflict(name: string): AppError {
  return new AppError('conflict', `A database named "${name}" already exists`, [{ path: 'name', message: 'is already taken' }]);
}
