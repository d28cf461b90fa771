import { useEffect, useId, useRef, useState } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({ en: { cancel: 'Cancel' }, ru: { cancel: 'Отмена' } });

interface Props {
  /** The button that asks (e.g. "Restore revision 3"). */
  readonly label: string;
  /** The question in the dialog. */
  readonly question: string;
  /** The dialog's button that does it. */
  readonly confirmLabel: string;
  readonly disabled?: boolean;
  readonly onConfirm: () => void;
}

/** A button whose action runs only after a modal dialog's confirmation (Escape or Cancel leave everything as it was). */
export const ConfirmAction = ({ label, question, confirmLabel, disabled, onConfirm }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <dialog ref={dialog} aria-labelledby={`${id}-question`} onClose={() => setOpen(false)}>
          <p id={`${id}-question`}>{question}</p>
          <div className="row">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
};
