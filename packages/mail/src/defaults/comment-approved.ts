import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, Person, page, Shop } from './layout.js';

const variables = Type.Object({
  shop: Shop,
  user: Person,
  comment: Type.Object({ excerpt: Type.String({ description: "The comment's first words, as plain text" }) }),
  post: Type.Object({
    title: Type.String({ description: 'What was commented on' }),
    url: Type.String({ description: 'Its page, at the comment' }),
  }),
});

export const commentApproved: MailTemplateDefinition<typeof variables> = {
  key: 'comment.approved',
  description: "Sent to a comment's author when a moderator approves it and it becomes visible.",
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    user: { name: 'Alex Example' },
    comment: { excerpt: 'Ran my first half marathon in these and my feet thanked me…' },
    post: { title: 'Choosing trail running shoes', url: 'https://shop.example.com/blog/trail-shoes#comment-17' },
  },
  locales: {
    en: {
      subject: 'Your comment on “{{ post.title }}” is published',
      mjml: page({
        title: 'Your comment is published',
        preview: '{{ comment.excerpt }}',
        body: `        <mj-text>Hello {{ user.name }},</mj-text>
        <mj-text>your comment on “{{ post.title }}” has been approved and is now visible to everyone:</mj-text>
        <mj-text font-style="italic" color="#4b5563">{{ comment.excerpt }}</mj-text>
        <mj-button href="{{ post.url }}">See your comment</mj-button>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Ihr Kommentar zu „{{ post.title }}“ ist veröffentlicht',
      mjml: page({
        title: 'Ihr Kommentar ist veröffentlicht',
        preview: '{{ comment.excerpt }}',
        body: `        <mj-text>Hallo {{ user.name }},</mj-text>
        <mj-text>Ihr Kommentar zu „{{ post.title }}“ wurde freigegeben und ist jetzt für alle sichtbar:</mj-text>
        <mj-text font-style="italic" color="#4b5563">{{ comment.excerpt }}</mj-text>
        <mj-button href="{{ post.url }}">Kommentar ansehen</mj-button>`,
        footer: FOOTER.de,
      }),
    },
  },
};
