import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { pinned: 'Pinned', locked: 'Locked', open: 'Open' },
  ru: { pinned: 'Закреплена', locked: 'Закрыта', open: 'Открыта' },
});

/** A topic's state in words (pinned, locked or open), never by colour alone. */
export const TopicFlags = ({ pinned, locked }: { readonly pinned: boolean; readonly locked: boolean }) => {
  const t = useMessages(messages);
  const words = [pinned ? t.pinned : null, locked ? t.locked : t.open].filter(Boolean);
  return (
    <span className="flags" data-testid="topic-flags">
      {words.join(' · ')}
    </span>
  );
};
