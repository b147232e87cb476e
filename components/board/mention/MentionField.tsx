"use client";
// A composer's text field that suggests the board's members after "@" (issue 19): typing "@bo" lists Bob
// Okafor by name and e-mail, ↑/↓ move through the list, Enter or Tab writes "@Bob Okafor " in place of
// what was typed, Escape closes it. The ARIA combobox pattern with a listbox popup, as the place field
// (../content/PlaceField.tsx) has it: while the list is open the field is the combobox and names the
// highlighted option with aria-activedescendant; closed, it is the plain text box it always was, and its
// keys (Enter in a reply, Ctrl+Enter in a note) keep their old meaning.
//
// The list is drawn in a portal at a fixed place by the field: thread rows are translated by the
// virtualized list and panels scroll, either of which would clip or misplace a popup kept beside it.
import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type KeyboardEvent,
  type SyntheticEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import type { WireMember } from "@/lib/schemas/board";
import styles from "./mention.module.css";
import { useMentionPeople } from "./mention-people";
import { insertMention, type MentionQuery, mentionQueryAt, suggestMembers } from "./mention-query";

type FieldElement = HTMLTextAreaElement | HTMLInputElement;

/** The field's text is its owner's: a pick hands the new text back through onValueChange. */
type Owned = { value: string; onValueChange: (text: string) => void };

export function MentionTextarea({ value, onValueChange, ...props }: ComponentPropsWithoutRef<"textarea"> & Owned) {
  const mention = useMentionCombobox<HTMLTextAreaElement>(value, onValueChange, props);
  return (
    <>
      <textarea {...props} {...mention.fieldProps} ref={mention.ref} value={value} />
      {mention.popup}
    </>
  );
}

export function MentionInput({ value, onValueChange, ...props }: ComponentPropsWithoutRef<"input"> & Owned) {
  const mention = useMentionCombobox<HTMLInputElement>(value, onValueChange, props);
  return (
    <>
      <input {...props} {...mention.fieldProps} ref={mention.ref} value={value} />
      {mention.popup}
    </>
  );
}

/** The owner's own handlers, called as before whenever the list does not take the event. */
type OwnHandlers<T extends FieldElement> = {
  onChange?: (event: React.ChangeEvent<T>) => void;
  onKeyDown?: (event: KeyboardEvent<T>) => void;
  onSelect?: (event: SyntheticEvent<T>) => void;
  onBlur?: (event: React.FocusEvent<T>) => void;
};

/** Room the list needs below the field before it opens above it instead. */
const LIST_ROOM_PX = 240;

function useMentionCombobox<T extends FieldElement>(
  value: string,
  onValueChange: (text: string) => void,
  own: OwnHandlers<T>,
) {
  const { members, selfId } = useMentionPeople();
  const id = useId();
  const ref = useRef<T>(null);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  /** The "@" whose list Escape closed: typing on in that mention leaves it closed; a new "@" opens one. */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const caretAfterPick = useRef<number | null>(null);

  const suggestions = useMemo(
    () => (mention ? suggestMembers(members, mention.query, { selfId }) : []),
    [mention, members, selfId],
  );
  const open = mention !== null && suggestions.length > 0 && dismissed !== mention.start;
  const listId = `${id}-people`;
  const optionId = (index: number) => `${id}-person-${index}`;
  const highlighted = Math.min(active, suggestions.length - 1);

  /** Reads the mention at the caret after any change of text or caret. */
  const follow = (field: T) => {
    const caret = field.selectionStart ?? field.value.length;
    const next = field.selectionEnd === caret ? mentionQueryAt(field.value, caret) : null;
    if (next?.start !== mention?.start || next?.query !== mention?.query) setActive(0);
    if (next?.start !== dismissed) setDismissed(null);
    setMention(next);
  };

  const pick = (member: WireMember) => {
    const field = ref.current;
    if (!field || !mention) return;
    const { text, caret } = insertMention(field.value, mention, member.name);
    caretAfterPick.current = caret;
    setMention(null);
    onValueChange(text);
  };

  // After a pick the owner's new text is in: put the caret after the inserted name.
  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    const field = ref.current;
    if (caret === null || !field || field.value !== value) return;
    caretAfterPick.current = null;
    field.setSelectionRange(caret, caret);
  }, [value]);

  // Where the list goes: under the field, or above it near the bottom of the window.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!open || !field) return;
    const rect = field.getBoundingClientRect();
    const width = Math.max(rect.width, 260);
    const left = Math.min(rect.left, window.innerWidth - width - 8);
    setPlace(
      rect.bottom + LIST_ROOM_PX > window.innerHeight && rect.top > LIST_ROOM_PX
        ? { left, width, bottom: window.innerHeight - rect.top + 2 }
        : { left, width, top: rect.bottom + 2 },
    );
  }, [open]);

  // The list scrolls at 240 px: the option ↑/↓ reached stays in sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the highlighted option
  useLayoutEffect(() => {
    if (open) document.getElementById(optionId(highlighted))?.scrollIntoView({ block: "nearest" });
  }, [open, highlighted]);

  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (open && mention && !event.nativeEvent.isComposing) {
      const count = suggestions.length;
      const plainKey = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((highlighted + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
        return;
      }
      if ((event.key === "Enter" && plainKey && !event.shiftKey) || (event.key === "Tab" && !event.shiftKey)) {
        // Picks; never sends the note or the reply, and Tab does not leave the field.
        event.preventDefault();
        event.stopPropagation();
        const member = suggestions[highlighted];
        if (member) pick(member);
        return;
      }
      if (event.key === "Escape") {
        // Closes the list only; a second Escape reaches whatever listens around the field.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(mention.start);
        return;
      }
    }
    own.onKeyDown?.(event);
  };

  const fieldProps = {
    onChange: (event: React.ChangeEvent<T>) => {
      own.onChange?.(event);
      follow(event.currentTarget);
    },
    onSelect: (event: SyntheticEvent<T>) => {
      own.onSelect?.(event);
      follow(event.currentTarget);
    },
    onBlur: (event: React.FocusEvent<T>) => {
      own.onBlur?.(event);
      setMention(null);
    },
    onKeyDown,
    ...(open
      ? {
          role: "combobox",
          "aria-expanded": true,
          "aria-controls": listId,
          "aria-autocomplete": "list" as const,
          "aria-activedescendant": optionId(highlighted),
        }
      : {}),
  };

  const popup =
    open && place
      ? createPortal(
          <div id={listId} role="listbox" aria-label="People on this board" className={styles.listbox} style={place}>
            {suggestions.map((member, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field holds the keys (aria-activedescendant)
              <div
                key={member.userId}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === highlighted}
                className={styles.option}
                // Keeps the focus in the field, so the pick does not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(member)}
                onMouseEnter={() => setActive(index)}
              >
                <span className={styles.name}>{member.name}</span>
                <span className={styles.email}>{member.email}</span>
              </div>
            ))}
          </div>,
          document.body,
        )
      : null;

  return { ref, fieldProps, popup };
}
