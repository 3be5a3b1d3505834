import Link from "next/link";

/**
 * New recovery codes, shown this once, with the way on once they are saved;
 * `onDone` puts the panel away when the way on is the page it is on.
 */
export function RecoveryCodes({
  codes,
  title,
  doneHref,
  onDone,
}: {
  codes: string[];
  title: string;
  doneHref: string;
  onDone?: () => void;
}) {
  return (
    <div className="space-y-3 text-sm" data-testid="recovery-codes-panel">
      <p className="font-medium text-emerald-800">{title}</p>
      <p className="text-slate-700">
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are not shown
        again.
      </p>
      <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Link href={doneHref} onClick={onDone} className="inline-block font-medium text-indigo-700 hover:underline">
        I saved them, continue
      </Link>
    </div>
  );
}
