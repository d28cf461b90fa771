import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { postsQuery } from '../api/blog.js';
import { can } from '../api/permissions.js';
import { dateTime } from '../format.js';

/** The blog's posts, newest first, with their status and locales. */
export const Posts = () => {
  const { data } = useSuspenseQuery(postsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <>
      <div className="row heading-row">
        <h1>Blog posts</h1>
        {can(me, 'blog.posts.create') ? (
          <Link to="/blog/new" className="button">
            New post
          </Link>
        ) : null}
      </div>
      {data.items.length === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Locales</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to="/blog/$id" params={{ id: p.id }}>
                    {p.title}
                  </Link>
                </td>
                <td>{p.status}</td>
                <td>{p.translations.map((t) => t.locale).join(', ') || p.locale}</td>
                <td>{dateTime(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
