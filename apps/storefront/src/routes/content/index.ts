import type { PageRoute } from '../../page-types.js';
import { blogCommentRoute } from './blog-comment.js';
import { blogIndexPage } from './blog-index.js';
import { blogPostPage } from './blog-post.js';
import { cmsPage } from './cms-page.js';
import { forumIndexPage } from './forum-index.js';
import { forumTopicPage } from './forum-topic.js';

/** The content pages (each also under `/:locale`). */
export const CONTENT_PAGES: readonly PageRoute[] = [blogIndexPage, blogPostPage, blogCommentRoute, forumIndexPage, forumTopicPage, cmsPage];
