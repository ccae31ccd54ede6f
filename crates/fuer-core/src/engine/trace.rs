//! The trace of one answer: what the pipeline saw and decided, recorded as it ran.
//!
//! `fuer-bot ask --explain` prints it. The pipeline that answers is the one that records:
//! [`crate::engine::Engine::answer`] runs with the tracer off, [`crate::engine::Engine::explain`]
//! with it on, so the explanation can never disagree with the answer.

/// Recorded lines of one answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    pub lines: Vec<String>,
}

impl Trace {
    pub fn render(&self) -> String {
        self.lines.join("\n")
    }
}

/// Records into a trace when switched on; costs nothing when off.
pub struct Tracer<'a> {
    trace: Option<&'a mut Trace>,
}

impl<'a> Tracer<'a> {
    pub fn off() -> Tracer<'static> {
        Tracer { trace: None }
    }

    pub fn on(trace: &'a mut Trace) -> Tracer<'a> {
        Tracer { trace: Some(trace) }
    }

    pub fn enabled(&self) -> bool {
        self.trace.is_some()
    }

    /// Adds a line; the closure runs only when tracing.
    pub fn note(&mut self, line: impl FnOnce() -> String) {
        if let Some(trace) = self.trace.as_deref_mut() {
            trace.lines.push(line());
        }
    }
}
