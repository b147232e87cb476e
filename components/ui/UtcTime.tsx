// An instant in UTC ("2022-01-10 09:00Z"), with the viewer's local time on hover.
import { formatLocal, formatUtc } from "@/lib/time";

export function UtcTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatLocal(iso)} className="utc">
      {formatUtc(iso)}
    </time>
  );
}
