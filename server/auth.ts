// Users, roles and per-user API tokens. A token is shown once when issued; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { ROLES, type Role } from '@core/teamSync/protocol.js';
import { badRequest, ServerError } from './errors.js';

export type User = { id: number; name: string; role: Role };

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Creates a user (or gives an existing one a new role) and issues a new token for them. Returns the token. */
export async function addUser(pool: pg.Pool, name: string, role: string): Promise<{ user: User; token: string }> {
  const n = name.trim();
  if (!n || n.length > 100 || /[\u0000-\u001f]/.test(n)) throw badRequest('a user name is 1–100 printable characters');
  if (!(ROLES as readonly string[]).includes(role)) throw badRequest(`a role is one of ${ROLES.join(', ')}`);
  const token = `bft_${randomBytes(32).toString('base64url')}`;
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await c.query(
      `INSERT INTO users (name, role) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, disabled = false RETURNING id, name, role`,
      [n, role],
    );
    const user = r.rows[0] as User;
    await c.query('INSERT INTO tokens (hash, user_id) VALUES ($1, $2)', [hashOf(token), user.id]);
    await c.query('COMMIT');
    return { user, token };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** Revokes every token of a user (a person leaving the team). */
export async function revokeUser(pool: pg.Pool, name: string): Promise<number> {
  const r = await pool.query(
    'UPDATE tokens SET revoked = true WHERE user_id = (SELECT id FROM users WHERE name = $1) AND NOT revoked',
    [name.trim()],
  );
  return r.rowCount ?? 0;
}

/** The user a request's `Authorization: Bearer <token>` names, or a 401. */
export async function authenticate(pool: pg.Pool, header: string | undefined): Promise<User> {
  const m = /^Bearer (bft_[A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  if (!m) throw new ServerError(401, 'unauthorized', 'a valid token is needed: Authorization: Bearer bft_…');
  const r = await pool.query(
    `SELECT u.id, u.name, u.role FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.hash = $1 AND NOT t.revoked AND NOT u.disabled`,
    [hashOf(m[1]!)],
  );
  if (!r.rows.length) throw new ServerError(401, 'unauthorized', 'this token is unknown or revoked');
  return r.rows[0] as User;
}

const CAN: Record<string, readonly Role[]> = {
  pull: ['admin', 'legal', 'writer'],
  push: ['admin', 'legal', 'writer'],
  decide: ['admin', 'legal'],
  blueprint: ['admin', 'legal'],
  history: ['admin', 'legal', 'writer'],
  review: ['admin', 'legal'],
};

export function authorize(user: User, action: keyof typeof CAN): void {
  if (!CAN[action]!.includes(user.role))
    throw new ServerError(403, 'forbidden', `the ${user.role} role may not ${action} (${CAN[action]!.join(', ')} may)`);
}
