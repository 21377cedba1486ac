import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { write } from '../../main/core/context';
import { afterCommit, onCommitted } from '../../main/core/db/afterCommit';

// What a write notes for after its commit reaches the listener only once the outermost
// write has committed, and a part that rolled back (all of it, or a nested write's) never.
describe('afterCommit', () => {
  const setup = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    const heard: unknown[][] = [];
    onCommitted(db, (items) => heard.push(items));
    const note = (v: string) => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      afterCommit(db, v);
    };
    return { db, heard, note };
  };

  it('delivers after the outermost commit, in order, once', () => {
    const { db, heard, note } = setup();
    write(db, () => {
      note('a');
      write(db, () => note('b'));
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([['a', 'b']]);
    note('c');
    expect(heard).toEqual([['a', 'b'], ['c']]);
  });

  it('drops what rolled back: the whole write, or only the nested part that failed', () => {
    const { db, heard, note } = setup();
    expect(() =>
      write(db, () => {
        note('x');
        throw new Error('batal');
      }),
    ).toThrow('batal');
    expect(heard).toEqual([]);
    write(db, () => {
      note('a');
      try {
        write(db, () => {
          note('y');
          throw new Error('batal');
        });
      } catch {
        // the nested write rolled back to its savepoint; the outer one goes on
      }
      note('b');
    });
    expect(heard).toEqual([['a', 'b']]);
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual(['a', 'b']);
  });
});
