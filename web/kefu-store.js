"use strict";
// kefuStore: the shop's snapshots in IndexedDB. A save is one transaction that adds the snapshot,
// moves the "current" pointer to it and prunes old versions (keeps the last 50 and one per day for
// 90 days): it commits whole or not at all, so a tab closed mid-save keeps the last good state.
// shell.html loads this file; the snapshot benchmark (bench/browser/snapshot.html) times the same
// code on a database of its own.
window.makeKefuStore = function (DB) {
  const VERSIONS = "snapshots", META = "meta";
  let dbPromise = null;
  function open() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        let req;
        try { req = indexedDB.open(DB, 2); } catch (e) { reject(e); return; }
        req.onupgradeneeded = (ev) => {
          const db = req.result;
          if (ev.oldVersion < 1) {
            db.createObjectStore(VERSIONS, { keyPath: "seq", autoIncrement: true });
            db.createObjectStore(META);
          }
          // Version 2: an index of each version's facts, so listing and pruning never read the bytes.
          const versions = req.transaction.objectStore(VERSIONS);
          if (!versions.indexNames.contains("facts")) versions.createIndex("facts", ["at", "size", "shopId"]);
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
  // Newest first, through the index: keys only, the snapshot bytes are not read.
  function prune(store, keepSeq) {
    const now = Date.now(), day = 86400000, seenDays = new Set();
    let newest = 0;
    store.index("facts").openKeyCursor(null, "prev").onsuccess = (ev) => {
      const c = ev.target.result;
      if (!c) return;
      const at = c.key[0], d = Math.floor(at / day);
      newest += 1;
      const recent = newest <= 50, daily = now - at < 90 * day && !seenDays.has(d);
      seenDays.add(d);
      if (!recent && !daily && c.primaryKey !== keepSeq) store.delete(c.primaryKey);
      c.continue();
    };
  }
  async function save(shopId, bytes) {
    const db = await open();
    const tx = db.transaction([VERSIONS, META], "readwrite");
    const versions = tx.objectStore(VERSIONS);
    const req = versions.add({ shopId, at: Date.now(), size: bytes.length, bytes: bytes.buffer });
    req.onsuccess = () => {
      tx.objectStore(META).put({ seq: req.result, shopId }, "current");
      prune(versions, req.result);
    };
    if (store.failNextSave) { // test hook: simulate a failing put (quota)
      store.failNextSave = false;
      tx.abort();
      await done(tx).catch(() => {});
      throw new Error("QuotaExceededError: simulated");
    }
    return done(tx);
  }
  async function loadCurrent() {
    const db = await open();
    const tx = db.transaction([VERSIONS, META], "readonly");
    const current = await new Promise((res, rej) => {
      const r = tx.objectStore(META).get("current");
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    if (!current) return null;
    const v = await new Promise((res, rej) => {
      const r = tx.objectStore(VERSIONS).get(current.seq);
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    return v ? new Uint8Array(v.bytes) : null;
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
    const tx = db.transaction(VERSIONS, "readonly");
    const v = await new Promise((res, rej) => {
      const r = tx.objectStore(VERSIONS).get(seq);
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    return v ? new Uint8Array(v.bytes) : null;
  }
  const store = { save, loadCurrent, list, load, failNextSave: false };
  return store;
};
window.kefuStore = window.makeKefuStore("kefuscore");
