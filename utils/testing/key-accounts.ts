/** The key's accounts for suites that need some: usable unless told otherwise. */
import type { KeyAccount } from '../key-accounts';

export function makeKeyAccount(id: string, name: string, more: Partial<KeyAccount> = {}): KeyAccount {
  return { id, name, publicId: null, status: 'AVAILABLE', apiSeat: true, ...more };
}

/** Three accounts of a key: two usable, the last with a broken LinkedIn connection. */
export const ADA = makeKeyAccount('acc_ada', 'Ada Lovelace');
export const GRACE = makeKeyAccount('acc_grace', 'Grace Hopper');
export const ALAN = makeKeyAccount('acc_alan', 'Alan Turing', { status: 'ERROR' });
