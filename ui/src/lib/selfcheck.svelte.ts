// The inspection being answered, kept while the user follows an item's
// clause into the handbook, so that coming back reopens the same page.
class SelfcheckState {
  /** Id of the draft open on the 自己点検 screen. */
  openInspection = $state<number | null>(null);
  /** Set when the handbook was opened from an item: it offers the way back. */
  returnFromHandbook = $state(false);
}

export const selfcheckState = new SelfcheckState();
