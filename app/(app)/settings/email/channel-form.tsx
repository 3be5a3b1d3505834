"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { updateEmailChannelAction } from "./actions";

type Props = {
  enabled: boolean;
  senderName: string;
  senderAddress: string;
  defaults: { name: string; address: string };
};

/** The email channel: on or off, and the sender name and address replies go out with. */
export function ChannelForm({ enabled, senderName, senderAddress, defaults }: Props) {
  const [state, action, pending] = useActionState(updateEmailChannelAction, IDLE);
  return (
    <form
      action={action}
      data-testid="email-channel-form"
      className="space-y-3 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">Email channel</h2>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="enabled" defaultChecked={enabled} /> On: mail to the inbound address opens tickets,
        and replies on email tickets go out by email
      </label>
      <label className="block space-y-1">
        <span className="font-medium">Sender name</span>
        <input
          name="sender_name"
          defaultValue={senderName}
          placeholder={defaults.name}
          maxLength={100}
          className={INPUT_CLASS}
        />
      </label>
      <label className="block space-y-1">
        <span className="font-medium">Sender address</span>
        <input
          name="sender_address"
          type="email"
          defaultValue={senderAddress}
          placeholder={defaults.address}
          className={INPUT_CLASS}
        />
        <span className="block text-xs text-slate-500">
          Empty: the inbound address. Customers&apos; answers come back through each ticket&apos;s reply address either
          way.
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
