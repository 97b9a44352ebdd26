import type { UserEvent } from '@testing-library/user-event';

/** Replaces a field's text in one input event: typing key by key is slow on shared CI cores and proves nothing more. */
export async function fill(user: UserEvent, element: HTMLElement, text: string): Promise<void> {
  await user.clear(element);
  await user.click(element);
  await user.paste(text);
}
