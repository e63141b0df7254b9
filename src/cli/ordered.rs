//! An ordered parallel map: files are checked on worker threads and their
//! results handed to the caller in input order, each as soon as it is next
//! in line.
//!
//! The caller (formatting and writing reports) runs on the calling thread
//! at the same time as the workers, so nobody waits for a batch to finish
//! before its reports are written, and no worker idles at a batch's tail.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How far (in items per thread) workers may run ahead of the item the
/// caller waits for: results held for a slow file stay bounded.
const AHEAD_PER_THREAD: usize = 64;

/// Results a worker sends at once.
const BATCH: usize = 16;

/// Calls `work` on every item on `threads` worker threads (all cores when
/// 0) and `consume` on the results in the order of `items`. Stops early,
/// returning the error, when `consume` fails.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(items.len().max(1));
    let window = AHEAD_PER_THREAD * threads;
    let next = AtomicUsize::new(0);
    let consumed = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Vec<(usize, R)>>(window);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, consumed, stop, work) = (&next, &consumed, &stop, &work);
            scope.spawn(move || {
                // Results go out a few at a time: one wake-up of the caller
                // per batch, not per file (a wake-up per small file was tens
                // of thousands of context switches on a big repository).
                let mut batch = Vec::with_capacity(BATCH);
                loop {
                    if stop.load(Ordering::Relaxed) {
                        return; // the caller stopped: no more work
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    if i >= consumed.load(Ordering::Acquire) + window {
                        // The caller may be waiting for something in this
                        // batch: send it before waiting for the caller.
                        if !batch.is_empty() && tx.send(std::mem::take(&mut batch)).is_err() {
                            return;
                        }
                        // The item the caller waits for is never held back,
                        // so this cannot deadlock.
                        while i >= consumed.load(Ordering::Acquire) + window {
                            if stop.load(Ordering::Relaxed) {
                                return;
                            }
                            std::thread::sleep(Duration::from_micros(200));
                        }
                    }
                    batch.push((i, work(&items[i])));
                    if batch.len() == BATCH && tx.send(std::mem::take(&mut batch)).is_err() {
                        return; // the caller stopped
                    }
                }
                if !batch.is_empty() {
                    let _ = tx.send(batch);
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut wanted = 0;
        let mut result = Ok(());
        'receive: for batch in &rx {
            pending.extend(batch);
            while let Some(r) = pending.remove(&wanted) {
                wanted += 1;
                consumed.store(wanted, Ordering::Release);
                if let Err(e) = consume(r) {
                    result = Err(e);
                    break 'receive;
                }
            }
        }
        stop.store(true, Ordering::Relaxed);
        drop(rx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..2000).collect();
        for threads in [0, 1, 2, 7] {
            let mut seen = Vec::new();
            let done: Result<(), ()> = for_each_ordered(
                &items,
                threads,
                |&i| {
                    // Uneven work, so results arrive out of order.
                    if i % 97 == 0 {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    i * 2
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            );
            assert_eq!(done, Ok(()));
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_stops_the_run() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut seen = 0;
        let done = for_each_ordered(
            &items,
            2,
            |&i| i,
            |r| {
                seen += 1;
                if r == 10 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(done, Err("stop"));
        assert_eq!(seen, 11);
    }

    #[test]
    fn no_items() {
        let done: Result<(), ()> = for_each_ordered(&[] as &[u8], 0, |_| (), |_| Ok(()));
        assert_eq!(done, Ok(()));
    }
}
