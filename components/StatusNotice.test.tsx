// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, type SsiError } from '@/utils/errors';
import { StatusNotice } from './StatusNotice';

afterEach(() => {
  cleanup();
});

const NOW = Date.parse('2026-03-14T09:00:00.000Z');

function renderNotice(error: SsiError, hasData = false) {
  const onOpenSettings = vi.fn();
  const onRetry = vi.fn();
  const view = render(
    <StatusNotice
      code={error.code}
      problem={describeError(error, NOW)}
      hasData={hasData}
      onOpenSettings={onOpenSettings}
      onRetry={onRetry}
    />,
  );
  return { ...view, onOpenSettings, onRetry };
}

describe('StatusNotice', () => {
  it.each<SsiError>([
    { code: 'no-key' },
    { code: 'unauthorized', status: 401 },
    { code: 'permission-missing' },
  ])('offers "Open settings" for $code and calls onOpenSettings', (error) => {
    const { onOpenSettings, onRetry } = renderNotice(error);

    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));

    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it.each<SsiError>([{ code: 'server', status: 503 }, { code: 'network' }, { code: 'offline' }])(
    'offers "Try again" for $code and calls onRetry',
    (error) => {
      const { onOpenSettings, onRetry } = renderNotice(error);

      expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

      expect(onRetry).toHaveBeenCalledTimes(1);
      expect(onOpenSettings).not.toHaveBeenCalled();
    },
  );

  it('offers no button where there is nothing to do', () => {
    renderNotice({ code: 'refused' });

    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each<SsiError>([{ code: 'no-key' }, { code: 'server', status: 503 }, { code: 'malformed' }])(
    'announces the words for $code as an alert',
    (error) => {
      renderNotice(error);

      const { title, message } = describeError(error, NOW);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(title);
      expect(alert.textContent).toContain(message);
      expect(alert.getAttribute('data-error-code')).toBe(error.code);
    },
  );

  it('says the status code of a server failure', () => {
    renderNotice({ code: 'server', status: 503 });

    expect(screen.getByRole('alert').textContent).toContain('HTTP 503');
  });

  it('is a warning about the data on screen when there is data, an error otherwise', () => {
    const withData = renderNotice({ code: 'offline' }, true);
    expect(screen.getByRole('alert').textContent).toContain('Showing your last SSI.');
    expect(screen.getByRole('alert').classList.contains('notice--warning')).toBe(true);
    withData.unmount();

    renderNotice({ code: 'offline' }, false);
    expect(screen.getByRole('alert').textContent).not.toContain('Showing your last SSI.');
    expect(screen.getByRole('alert').classList.contains('notice--error')).toBe(true);
  });

  it('renders server words as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = renderNotice({ code: 'api-error', serverMessage: hostile });

    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain(hostile);
  });
});
