"use strict";
// kefuStore: the shop's snapshots in IndexedDB. A save is one transaction that adds the snapshot,
// moves the "current" pointer to it and prunes old versions (keeps the last 50 and one per day for
// 90 days): it commits whole or not at all, so a tab closed mid-save keeps the last good state.
// A snapshot larger than one IndexedDB value may be (Chromium refuses values over about 127 MB) is
// kept as pieces of `store.pieceBytes` in a store of their own, keyed [seq, index], written, read
// and pruned in the same transactions as the version that owns them.
// shell.html loads this file; the snapshot benchmark (bench/browser/snapshot.html) times the same
// code on a database of its own.
window.makeKefuStore = function (DB) {
  const VERSIONS = "snapshots", META = "meta", PIECES = "pieces";
  let dbPromise = null;
  function open() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        let req;
        try { req = indexedDB.open(DB, 3); } catch (e) { reject(e); return; }
        req.onupgradeneeded = (ev) => {
          const db = req.result;
          if (ev.oldVersion < 1) {
            db.createObjectStore(VERSIONS, { keyPath: "seq", autoIncrement: true });
            db.createObjectStore(META);
          }
          // Version 2: an index of each version's facts, so listing and pruning never read the bytes.
          const versions = req.transaction.objectStore(VERSIONS);
          if (!versions.indexNames.contains("facts")) versions.createIndex("facts", ["at", "size", "shopId"]);
          // Version 3: pieces of snapshots too large for one value.
          if (!db.objectStoreNames.contains(PIECES)) db.createObjectStore(PIECES);
        };
        req.onsuccess = () => {
          const db = req.result;
          db.onversionchange = () => { db.close(); dbPromise = null; }; // a newer page upgrades the database
          resolve(db);
        };
        req.onerror = () => reject(req.error || new Error("IndexedDB cannot be opened"));
        req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
      });
      dbPromise.catch(() => { dbPromise = null; });
    }
    return dbPromise;
  }
  function done(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error || new Error("the save failed"));
      tx.onabort = () => reject(tx.error || new Error("the save was aborted"));
    });
  }
  const piecesOf = (seq) => IDBKeyRange.bound([seq, 0], [seq, Infinity]);
  // Newest first, through the index: keys only, the snapshot bytes are not read.
  function prune(store, pieces, keepSeq) {
    const now = Date.now(), day = 86400000, seenDays = new Set();
    let newest = 0;
    store.index("facts").openKeyCursor(null, "prev").onsuccess = (ev) => {
      const c = ev.target.result;
      if (!c) return;
      const at = c.key[0], d = Math.floor(at / day);
      newest += 1;
      const recent = newest <= 50, daily = now - at < 90 * day && !seenDays.has(d);
      seenDays.add(d);
      if (!recent && !daily && c.primaryKey !== keepSeq) {
        store.delete(c.primaryKey);
        pieces.delete(piecesOf(c.primaryKey));
      }
      c.continue();
    };
  }
  async function save(shopId, bytes) {
    const db = await open();
    const tx = db.transaction([VERSIONS, META, PIECES], "readwrite");
    const versions = tx.objectStore(VERSIONS), pieces = tx.objectStore(PIECES);
    const whole = bytes.length <= store.pieceBytes;
    const record = { shopId, at: Date.now(), size: bytes.length };
    if (whole) record.bytes = bytes.buffer.byteLength === bytes.length ? bytes.buffer : bytes.slice().buffer;
    else record.pieces = Math.ceil(bytes.length / store.pieceBytes);
    const req = versions.add(record);
    req.onsuccess = () => {
      const seq = req.result;
      for (let i = 0; i < (record.pieces || 0); i++)
        pieces.put(bytes.slice(i * store.pieceBytes, (i + 1) * store.pieceBytes).buffer, [seq, i]);
      tx.objectStore(META).put({ seq, shopId }, "current");
      prune(versions, pieces, seq);
    };
    if (store.failNextSave) { // test hook: simulate a failing put (quota)
      store.failNextSave = false;
      tx.abort();
      await done(tx).catch(() => {});
      throw new Error("QuotaExceededError: simulated");
    }
    return done(tx);
  }
  // A version's bytes: its own value, or its pieces put back together (in the same transaction).
  async function bytesOf(tx, v) {
    if (!v) return null;
    if (!v.pieces) return new Uint8Array(v.bytes);
    const parts = await new Promise((res, rej) => {
      const r = tx.objectStore(PIECES).getAll(piecesOf(v.seq));
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    if (parts.length !== v.pieces) throw new Error(`snapshot ${v.seq}: ${parts.length} of ${v.pieces} pieces found`);
    const out = new Uint8Array(v.size);
    let at = 0;
    for (const p of parts) { out.set(new Uint8Array(p), at); at += p.byteLength; }
    if (at !== v.size) throw new Error(`snapshot ${v.seq}: pieces hold ${at} bytes, expected ${v.size}`);
    return out;
  }
  async function loadCurrent() {
    const db = await open();
    const tx = db.transaction([VERSIONS, META, PIECES], "readonly");
    const current = await new Promise((res, rej) => {
      const r = tx.objectStore(META).get("current");
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    if (!current) return null;
    const v = await new Promise((res, rej) => {
      const r = tx.objectStore(VERSIONS).get(current.seq);
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    return bytesOf(tx, v);
  }
  async function list() {
    const db = await open();
    const tx = db.transaction([VERSIONS, META], "readonly");
    const current = await new Promise((res) => {
      const r = tx.objectStore(META).get("current");
      r.onsuccess = () => res(r.result ? r.result.seq : null); r.onerror = () => res(null);
    });
    return new Promise((res, rej) => {
      const out = [];
      tx.objectStore(VERSIONS).index("facts").openKeyCursor(null, "prev").onsuccess = (ev) => {
        const c = ev.target.result;
        if (!c) { res(out); return; }
        const [at, size, shopId] = c.key;
        out.push({ seq: c.primaryKey, shopId, at, size, current: c.primaryKey === current });
        c.continue();
      };
      tx.onerror = () => rej(tx.error);
    });
  }
  async function load(seq) {
    const db = await open();
    const tx = db.transaction([VERSIONS, PIECES], "readonly");
    const v = await new Promise((res, rej) => {
      const r = tx.objectStore(VERSIONS).get(seq);
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    return bytesOf(tx, v);
  }
  // 64 MB: well under Chromium's largest value; tests set it small.
  const store = { save, loadCurrent, list, load, failNextSave: false, pieceBytes: 64 << 20 };
  return store;
};
window.kefuStore = window.makeKefuStore("kefuscore");
