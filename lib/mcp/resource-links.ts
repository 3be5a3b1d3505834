import type { ContentBlock } from "@modelcontextprotocol/server";

// Addresses of the resources tools mention, so a tool result can link to what it names
// (resources/read then reads it under the same permission check as the matching tool).

export const RESOURCE_SCHEME = "deskbridge://";

export const ticketUri = (number: number) => `${RESOURCE_SCHEME}tickets/${number}`;
export const conversationUri = (number: number) => `${RESOURCE_SCHEME}tickets/${number}/conversation`;
export const contactUri = (id: string) => `${RESOURCE_SCHEME}contacts/${encodeURIComponent(id)}`;
export const articleUri = (slug: string) => `${RESOURCE_SCHEME}articles/${encodeURIComponent(slug)}`;
export const viewUri = (id: string) => `${RESOURCE_SCHEME}views/${encodeURIComponent(id)}`;

export const JSON_MIME = "application/json";

/** A resource_link content item to a ticket. */
export function ticketLink(ticket: { number: number; subject: string }): ContentBlock {
  return {
    type: "resource_link",
    uri: ticketUri(ticket.number),
    name: `ticket-${ticket.number}`,
    title: `#${ticket.number} ${ticket.subject}`,
    mimeType: JSON_MIME,
  };
}

/** A resource_link content item to a ticket's conversation. */
export function conversationLink(ticket: { number: number; subject: string }): ContentBlock {
  return {
    type: "resource_link",
    uri: conversationUri(ticket.number),
    name: `ticket-${ticket.number}-conversation`,
    title: `Conversation of #${ticket.number}`,
    mimeType: JSON_MIME,
  };
}
