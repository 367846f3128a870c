//! The wasm module's memory allocator: one free list per power-of-two size
//! class, blocks carved from the top of linear memory, which grows a page
//! at a time.
//!
//! Why not the standard library's dlmalloc: it is 7 KB of the module (3 KB
//! gzip) for coalescing and splitting that this workload does not need. The
//! allocations here are records, vectors that double, strings and JSON
//! trees, freed and made again in the same sizes; a size class reuses a
//! freed block in O(1). The price is memory: a block holds up to twice what
//! was asked, and a freed block is reused only for its own class. The
//! module runs on one thread (wasm32-unknown-unknown has none), which is
//! what makes the shared state sound.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;
use std::cell::UnsafeCell;
use std::ptr::null_mut;

const PAGE: usize = 65_536;
/// Classes 2^3 … 2^31 bytes (class `c` holds blocks of `1 << c` bytes).
const CLASSES: usize = 32;

struct State {
    /// Head of each class's free list (0 = empty); a free block's first
    /// word holds the next block's address.
    free: [usize; CLASSES],
    /// First unused byte, and the end of linear memory.
    next: usize,
    end: usize,
}

/// The allocator (`#[global_allocator]` in `src/wasm/mod.rs`).
pub struct Allocator(UnsafeCell<State>);

// SAFETY: wasm32-unknown-unknown runs the module on a single thread; the
// state is never reached from two threads.
unsafe impl Sync for Allocator {}

impl Allocator {
    /// An allocator that has not yet taken any memory.
    pub const fn new() -> Allocator {
        Allocator(UnsafeCell::new(State {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }))
    }
}

/// The size class for a layout: the smallest power of two that holds its
/// size and its alignment (at least one word).
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(8);
    let c = size.checked_next_power_of_two()?.trailing_zeros() as usize;
    (c < CLASSES).then_some(c)
}

impl State {
    /// A fresh block of class `c`, aligned to its size (up to a page).
    fn carve(&mut self, c: usize) -> *mut u8 {
        if self.end == 0 {
            let Some(end) = wasm32::memory_size(0).checked_mul(PAGE) else {
                return null_mut();
            };
            self.end = end;
            self.next = end;
        }
        let size = 1usize << c;
        let align = size.min(PAGE);
        let Some(start) = self.next.checked_add(align - 1).map(|n| n & !(align - 1)) else {
            return null_mut();
        };
        let Some(end) = start.checked_add(size) else {
            return null_mut();
        };
        if end > self.end {
            let pages = (end - self.end).div_ceil(PAGE);
            // The last byte of a 4 GiB memory is not addressable as an end
            // in 32 bits: refuse rather than wrap.
            let Some(new_end) = pages
                .checked_mul(PAGE)
                .and_then(|b| self.end.checked_add(b))
            else {
                return null_mut();
            };
            if wasm32::memory_grow(0, pages) == usize::MAX {
                return null_mut();
            }
            self.end = new_end;
        }
        self.next = end;
        start as *mut u8
    }
}

// SAFETY: every block handed out is `1 << class` bytes, aligned to
// `min(1 << class, PAGE)` ≥ the layout's alignment, inside memory that was
// grown for it, and given to one owner until it is freed; a freed block
// goes back to the list of the class it was carved for.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout) else {
            return null_mut();
        };
        if layout.align() > PAGE {
            return null_mut();
        }
        // SAFETY: single-threaded (see `Sync`), and no reference to the
        // state outlives this call.
        let state = unsafe { &mut *self.0.get() };
        let head = state.free[c];
        if head != 0 {
            // SAFETY: `head` is a freed block of this class, whose first
            // word `dealloc` set to the next free block.
            state.free[c] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        state.carve(c)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(c) = class_of(layout) {
            // SAFETY: as in `alloc`; `ptr` is a block of class `c` (the
            // caller passes the layout it was allocated with), at least a
            // word long and word-aligned, and no longer in use.
            let state = unsafe { &mut *self.0.get() };
            unsafe { *(ptr as *mut usize) = state.free[c] };
            state.free[c] = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        if class_of(new_layout) == class_of(layout) {
            return ptr;
        }
        // SAFETY: as the trait requires: a new block, the old contents
        // copied (the smaller of the two sizes), the old block freed.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
