// The unread threads, handed to the thread list without threading them through the annotations panel.
import { createContext } from "react";
import { NO_UNREAD, type UnreadThreads } from "./unread";

export const UnreadContext = createContext<UnreadThreads>(NO_UNREAD);
