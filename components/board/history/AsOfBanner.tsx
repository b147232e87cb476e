"use client";
// Says, above everything, that the page shows the past and cannot be written to, with the way back.
import styles from "./as-of.module.css";
import { formatAsOf } from "./as-of-time";

export function AsOfBanner({
  asOf,
  loading,
  problem,
  onBackToLive,
  onRetry,
}: {
  asOf: string;
  loading: boolean;
  problem: string | null;
  onBackToLive: () => void;
  onRetry: () => void;
}) {
  return (
    <div className={styles.banner} role="status" data-testid="as-of-banner">
      <span>
        Viewing the board as it stood at <time dateTime={asOf}>{formatAsOf(asOf)}</time> — read-only
        {loading ? " · loading…" : ""}
      </span>
      {problem ? (
        <span className={styles.error}>
          {problem}{" "}
          <button type="button" className={styles.back} onClick={onRetry}>
            Try again
          </button>
        </span>
      ) : null}
      <button type="button" className={styles.back} onClick={onBackToLive}>
        Back to live
      </button>
    </div>
  );
}
