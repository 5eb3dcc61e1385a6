// kefuPieces(file, size): a File read in pieces of `size` bytes by a Worker, which reads the next
// pieces while the page parses this one and hands each over without a copy (a transferred
// ArrayBuffer; no shared memory needed). next() resolves to the next piece (a Uint8Array, empty
// at the end) or rejects with the read error; close() stops the reading (a cancel).
// The worker is made from a Blob URL, so it works in the single-file build opened from disk too.
(function () {
  const AHEAD = 2; // pieces read ahead of the one being parsed
  const source = `
    let file = null, size = 0, at = 0, credit = 0, busy = false;
    onmessage = (e) => {
      if (e.data.file) { file = e.data.file; size = e.data.size; credit = e.data.ahead; }
      else credit += 1;
      pump();
    };
    async function pump() {
      if (busy) return;
      busy = true;
      try {
        while (credit > 0 && at < file.size) {
          credit -= 1;
          const buf = await file.slice(at, at + size).arrayBuffer();
          if (!buf.byteLength) throw new Error('the file ended before its size (was it changed while read?)');
          at += buf.byteLength;
          postMessage(buf, [buf]);
        }
      } catch (err) {
        postMessage({ error: String(err && err.message ? err.message : err) || 'read error' });
      }
      busy = false;
    }`;
  let url = null;
  window.kefuPieces = function (file, size) {
    if (!url) url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const ready = [], waiting = [];
    let done = 0;
    worker.onmessage = (e) => {
      const item = e.data instanceof ArrayBuffer ? { bytes: new Uint8Array(e.data) } : { error: e.data.error };
      if (waiting.length) settle(waiting.shift(), item);
      else ready.push(item);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const item = { error: e.message || 'the file reader stopped' };
      while (waiting.length) settle(waiting.shift(), item);
      ready.push(item);
    };
    function settle(p, item) {
      if (item.error) p.reject(new Error(item.error));
      else p.resolve(item.bytes);
    }
    worker.postMessage({ file, size, ahead: AHEAD });
    return {
      next() {
        if (done >= file.size) return Promise.resolve(new Uint8Array(0));
        return new Promise((resolve, reject) => {
          const p = { resolve: (b) => { done += b.length; worker.postMessage(1); resolve(b); }, reject };
          if (ready.length) settle(p, ready.shift());
          else waiting.push(p);
        });
      },
      close() { worker.terminate(); },
    };
  };
})();
