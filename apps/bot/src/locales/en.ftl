# Commands (shown in Telegram's menu)
cmd-start = Start and main menu
cmd-help = What I can do
cmd-done = Mark today's habits done
cmd-new = Create a habit
cmd-habits = Your habits
cmd-rewards = Your rewards
cmd-streaks = Your streaks
cmd-stats = Statistics
cmd-settings = Settings
cmd-cancel = Leave the current step

# First contact
start-welcome = 👋 Welcome, { $name }! I help you build habits, keep streaks and win rewards you choose.
start-ask-timezone = 🌍 First, your time zone, so your days end at your midnight. Tap one, share your location, or type a zone or a city (for example <code>Europe/Berlin</code> or <code>Almaty</code>).
timezone-location-button = 📍 Send my location
timezone-unknown = 🤔 I don't know the time zone “{ $input }”. Type a city such as Berlin, a zone such as Europe/Berlin, or a whole-hour offset such as UTC+5.
timezone-location-unknown = 🤔 I can't tell the time zone of that place. Tap a zone or type a city instead.
timezone-set = ✅ Time zone: <b>{ $zone }</b>. Your local time is { $time }.
start-ready = All set! Shall we create your first habit? Tap below, or use the menu.
start-zone-later = 🌍 Your time zone is still UTC. Send /start when you want to choose it.
start-button-first-habit = ➕ Create my first habit

# Main menu
menu-title = 🏠 <b>Main menu</b>
menu-done = ✅ Done today
menu-habits = 🧩 Habits
menu-rewards = 🎁 Rewards
menu-streaks = 🔥 Streaks
menu-stats = 📊 Stats
menu-settings = ⚙️ Settings
menu-help = ❓ Help
button-back = ⬅️ Back
button-undo = ↩️ Undo
coming-soon = 🚧 This part is being built. Meanwhile: ✅ Done today, 🔥 Streaks and /new work.

# Done today
done-title = ✅ <b>What did you do today?</b>
done-no-habits = You have no habits yet. Create one with /new.
done-nothing-due = 🎉 Nothing left for today. Well done!
done-today-progress = Today: { $bar } { $done }/{ $total }
done-logged = ✅ <b>{ $habit }</b> done! 🔥 Streak: { $streak }
done-logged-period = ✅ <b>{ $habit }</b> done! 📅 { $done }/{ $target } { $period ->
        [this-week] this week
        [that-week] that week
        [this-month] this month
       *[that-month] that month
    }
done-reward-won = 🎁 You won a piece of <b>{ $reward }</b>! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> is yours: claim it in Rewards.
done-reward-kept = 🎁 This day already won <b>{ $reward }</b>, and you have claimed it.
done-no-reward = No reward this time. Keep going!
done-add-a-reward = 🎁 Add a reward in /rewards: every habit you complete can win a piece of it.
done-milestone-streak = 🏅 { $days } days in a row!
done-milestone-target = 🏅 Milestone reached: { $count } completions!
undo-done = ↩️ Undone: <b>{ $habit }</b> on { $date }.
undo-reward-taken = The piece of { $reward } was taken back.
undo-nothing = Nothing to undo.
undo-pick = ↩️ <b>Undo which one?</b> Each habit's latest completion:
undo-pick-button = { $habit } · { $day }
undo-nothing-logged = Nothing logged yet, so there is nothing to undo.

# Streaks
streaks-title = 🔥 <b>Streaks</b>
streaks-line = { $habit }: { $current } now, best { $longest }
streaks-none = No habits yet. Create one with /new.

# Refusals
error-already-completed = Already done for { $date }.
error-habit-archived = This habit is archived.
error-future-date = That day has not come yet.
error-outside-window = You can log up to 7 days back.
error-before-start = This habit starts on { $date }.
error-after-end = This habit ended on { $date }.
error-stale-button = ⌛ This button is out of date.
error-generic = 😕 Something went wrong on my side. Please try again.

# Everything else
hint-free-text = I didn't get that. Use the menu or /help.
cancel-done = OK, cancelled.
cancel-nothing = There is nothing to cancel.
help-text =
    <b>What I can do</b>
    /done: mark today's habits done (📅 Another day for the last 7 days)
    /undo: take back a habit's latest completion
    /new: create a habit; /habits: edit, archive or delete them
    /rewards: your rewards, claim what you won
    /streaks: current and best streaks
    /stats: success rates and 4-week calendars
    /settings: language, time zone, reward odds, reminders, API access, export
    /cancel: leave the current step
    Each habit you complete can win a piece of a reward you set up.

# Reminders
reminder-text = ⏰ Time for <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Done
reminder-snooze = 💤 Snooze 1 h
reminder-snoozed = 💤 I will remind you about <b>{ $habit }</b> at { $time }.
reminder-already-done = ✅ Already done for that day: nothing to remind you of.
reminder-skip = Skip today
reminder-skipped = OK, <b>{ $habit }</b> skipped today.

# Summaries (daily at the chosen time, weekly on Sundays)
summary-daily-title = 📰 <b>Your day</b>, { $day }
summary-daily-score = <b>{ $done } of { $total }</b> done
summary-daily-nothing-due = Nothing was due today.
summary-habit-done = ✅ { $habit }
summary-habit-open = ⬜ { $habit }
summary-streak = 🔥 { $days }
summary-daily-all-done = 🎉 Everything done. Well done!
summary-daily-still-due = ⏳ { $count } still to do today: there is time.
summary-live-streaks = 🔥 Live streaks: { $count }
summary-weekly-title = 📰 <b>Your week</b>, { $from } – { $to }
summary-weekly-overall = Overall: <b>{ $rate }%</b> ({ $completions } done, { $expected } expected)
summary-weekly-habit = • { $habit }: { $completions } of { $expected }, <b>{ $rate }%</b>

# Habits: the new-habit and edit-habit flows, the habits screen
habit-new-title = ➕ <b>New habit</b>
habit-edit-title = ✏️ <b>Editing { $name }</b>
habit-ask-name = ✍️ What's the habit? Send a name of up to 100 characters, for example <i>Read 10 pages</i> or <i>🏃 Morning run</i>.
habit-ask-schedule = 📅 How often?
habit-ask-days = 📅 Tap the days it is due, then <b>Done</b>.
habit-ask-times-weekly = 🔁 How many times a week? Tap or send a number from 1 to 7.
habit-ask-times-monthly = 🔁 How many times a month? Tap or send a number from 1 to 31.
habit-ask-grace = 🛟 Grace days: how many due days in a row may you miss without losing the streak?
habit-ask-weight = ⚖️ Weight: how much it counts toward rewards (higher means better odds). Tap or send a number from 1 to 100.
habit-ask-reminders = ⏰ Reminders: tap a time or send your own like <code>07:30</code> (up to 5), then <b>Done</b>.
habit-reminders-chosen = Chosen: { $times }
habit-current = Now: { $value }
habit-button-daily = Every day
habit-button-weekdays = Weekdays (Mon–Fri)
habit-button-days = Custom days
habit-button-weekly = N times a week
habit-button-monthly = N times a month
habit-button-done = ✅ Done
habit-button-no-reminders = 🔕 No reminders
habit-button-save = 💾 Save
habit-button-skip = ⏭ Skip
habit-button-cancel = ✖️ Cancel
habit-button-open = 🧩 Open the habit
habit-button-menu = 🏠 Menu
habit-button-edit = ✏️ Edit
habit-button-archive = 🗄 Archive
habit-button-unarchive = ♻️ Unarchive
habit-button-delete = 🗑 Delete
habit-button-delete-yes = 🗑 Yes, delete it
habit-button-delete-no = ↩️ No, keep it
habit-day-1 = Mon
habit-day-2 = Tue
habit-day-3 = Wed
habit-day-4 = Thu
habit-day-5 = Fri
habit-day-6 = Sat
habit-day-7 = Sun
habit-days-none = Pick at least one day.
habit-flow-cancelled = OK, cancelled. Nothing was saved.
habit-flow-text-only = Please send text or tap a button (or /cancel).
habit-flow-use-buttons = 👇 Please tap one of the buttons.
habit-summary = 📝 Check and save:
habit-line-name = 🧩 <b>{ $name }</b>
habit-line-schedule = 📅 { $schedule }
habit-line-grace = 🛟 Grace days: { $days }
habit-line-weight = ⚖️ Weight: { $weight }
habit-line-reminders = ⏰ Reminders: { $times }
habit-line-streak = 🔥 Streak: { $current } (best { $longest })
habit-line-archived = 🗄 Archived
habit-schedule-daily = Every day
habit-schedule-weekdays = Weekdays (Mon–Fri)
habit-schedule-days = On { $days }
habit-schedule-weekly = { $count ->
    [one] Once a week
   *[other] { $count } times a week
    }
habit-schedule-monthly = { $count ->
    [one] Once a month
   *[other] { $count } times a month
    }
habit-reminders-none = none
habit-field-name = Name
habit-field-frequency = Times per period
habit-field-exemptWeekdays = Days
habit-field-allowedSkipDays = Grace days
habit-field-weight = Weight
habit-field-reminders = Reminders
habit-field-other = This value
habit-error-required = ⚠️ { $field } can't be empty.
habit-error-too-short = ⚠️ { $field } is too short: at least { $limit } characters.
habit-error-too-long = ⚠️ { $field } is too long: at most { $limit } characters.
habit-error-too-small = ⚠️ { $field }: at least { $limit }.
habit-error-too-large = ⚠️ { $field }: at most { $limit }.
habit-error-not-integer = ⚠️ { $field }: a whole number, please.
habit-error-invalid-format = ⚠️ { $field }: the format should be { $limit }.
habit-error-invalid-choice = ⚠️ { $field }: not one of the options.
habit-error-duplicate = ⚠️ { $field }: already in the list.
habit-error-before-start = ⚠️ { $field }: before the start date.
habit-error-not-allowed = ⚠️ { $field }: not possible with this schedule.
habit-error-name-taken = ⚠️ You already have a habit called “{ $name }”. Pick another name.
habit-error-not-number = ⚠️ “{ $input }” is not a number. Send a whole number from { $min } to { $max }.
habit-error-number-range = ⚠️ “{ $input }” won't do here: send a whole number from { $min } to { $max }.
habit-error-time = ⚠️ “{ $input }” is not a time. Send it as HH:MM, for example <code>07:30</code>.
habit-created = ✅ Habit <b>{ $name }</b> created! Mark it in ✅ Done today.
habit-updated = ✅ Saved <b>{ $name }</b>.
habit-gone = ⌛ This habit no longer exists or is archived.
habit-save-failed = 😕 I couldn't save this habit. Please start again with /new.
habit-limit-reached = 📦 You have { NUMBER($max) ->
        [one] { $max } habit
       *[other] { $max } habits
    }, the most one account can hold (archived ones count too). Delete one you no longer need to make a new one.
tags-limit-reached = 📦 You have { NUMBER($max) ->
        [one] { $max } tag
       *[other] { $max } tags
    }, the most one account can hold. Delete one you no longer need to add a new one.
habits-title = 🧩 <b>Your habits</b>
    Tap one to see or change it.
habits-empty = 🧩 You have no habits yet. Create your first one!
habits-hint-edit = Tap a habit, then ✏️ Edit.
habits-hint-remove = Tap a habit, then 🗄 Archive or 🗑 Delete.
habits-button-new = ➕ New habit
habits-button-archived = 🗄 Archived ({ $count })
habits-archived-title = 🗄 <b>Archived habits</b>
    They keep their history. Tap one to restore or delete it.
habits-archived-empty = 🗄 No archived habits.
habit-delete-confirm = 🗑 Delete <b>{ $name }</b> and its whole history? This cannot be undone.
habit-archived-toast = 🗄 Archived: { $name }
habit-unarchived-toast = ♻️ Back in your habits: { $name }
habit-deleted-toast = 🗑 Deleted: { $name }
habit-unarchive-name-taken = An active habit is already called “{ $name }”. Rename it first.

# Rewards
rewards-title = 🎁 <b>Your rewards</b>
rewards-empty = 🎁 No rewards yet. Add something you'd enjoy: every habit you complete can win a piece of it.
rewards-button-add = ➕ Add reward
rewards-button-history = 📜 History
rewards-claim-title = 🏆 <b>Ready to claim</b>
    Tap a reward to claim it.
rewards-claim-none = Nothing to claim yet. Complete your habits to win pieces.
rewards-edit-choose = ✏️ Which reward do you want to edit?
rewards-history-title = 📜 <b>Claimed rewards</b>
rewards-history-line = { $date }, { $time } · <b>{ $name }</b>
rewards-history-more = …and { $count } earlier.
rewards-history-empty = 📜 No rewards claimed yet.
reward-progress = { $bar } { $earned }/{ $required } · { $status }
reward-status-pending = collecting
reward-status-achieved = 🏆 ready to claim
reward-status-claimed = ✅ claimed
reward-status-inactive = ⏸ paused
reward-card =
    🎁 <b>{ $name }</b>
    { $progress }
    ⚖️ Weight: { $weight }
    { $recurring ->
        [yes] 🔁 Recurring: it can be won again after you claim it
       *[no] 1️⃣ One-time: it retires once claimed
    }
    { $active ->
        [yes] ▶️ Active: your completions can win it
       *[no] ⏸ Paused: not in the draw
    }
    🏆 Times claimed: { $times }
reward-button-claim = 🎉 Claim
reward-button-edit = ✏️ Edit
reward-button-activate = ▶️ Activate
reward-button-deactivate = ⏸ Deactivate
reward-button-delete = 🗑 Delete
reward-button-delete-yes = 🗑 Yes, delete
reward-button-delete-force = 🗑 Delete with its pieces
reward-button-keep = ↩️ No, keep it
reward-claimed-toast = 🎉 Claimed!
reward-claimed = 🎉 <b>{ $name }</b> is yours! Enjoy it, you've earned it.
reward-claimed-recurring = 🔁 { $required ->
        [one] Collect one piece to win it again.
       *[other] Collect { $required } pieces to win it again.
    }
reward-claimed-once = It was a one-time reward, so it retires now.
reward-not-achieved = ⏳ Not yet: { $earned }/{ $required } pieces collected.
reward-already-claimed = ✅ This reward has already been claimed.
reward-activated = ▶️ Active: it is back in the draw.
reward-deactivated = ⏸ Paused: it stays out of the draw until you activate it.
reward-activate-name-taken = An active reward is already called “{ $name }”. Rename one of them first.
reward-activate-claimed = This one-time reward was claimed: it stays retired. Add it again as a new reward to win it once more.
reward-delete-confirm = 🗑 Delete <b>{ $name }</b>?
reward-delete-has-pieces = ⚠️ <b>{ $name }</b> holds { $pieces ->
        [one] an unclaimed piece. It will be lost.
       *[other] { $pieces } unclaimed pieces. They will be lost.
    } Delete it anyway?
reward-deleted = 🗑 <b>{ $name }</b> deleted.
reward-form-new-title = ➕ <b>New reward</b>
reward-form-edit-title = ✏️ <b>Editing { $name }</b>
reward-form-ask-name = What will you treat yourself to? Send its name (for example: 🍫 Chocolate, 🎬 Movie night).
reward-form-ask-weight = ⚖️ How often should it come up compared with your other rewards? Tap a weight or type a number (higher means more often).
reward-form-ask-pieces = 🧩 How many pieces must you collect to claim it? Tap or type a whole number (1 means at once).
reward-form-ask-recurring = 🔁 Can it be won again after you claim it?
reward-form-recurring-yes = 🔁 Yes, again and again
reward-form-recurring-no = 1️⃣ No, just once
reward-form-current = Now: <b>{ $value }</b>
reward-form-summary =
    🎁 <b>{ $name }</b>
    ⚖️ Weight: { $weight }
    🧩 Pieces to collect: { $pieces }
    { $recurring }
reward-form-save = 💾 Save
reward-form-skip = ⏭ Skip
reward-form-cancel = ✖️ Cancel
reward-form-saved = ✅ Saved!
reward-form-cancelled = OK, nothing saved.
reward-form-tap-button = 👇 Please tap one of the buttons.
reward-form-text-only = ✍️ Please answer with text or the buttons (or /cancel).
reward-form-name-taken = You already have an active reward called “{ $name }”. Choose another name.
reward-limit-reached = 📦 You have { NUMBER($max) ->
        [one] { $max } reward
       *[other] { $max } rewards
    }, the most one account can hold (inactive ones count too). Delete one you no longer need to add a new one.
reward-invalid-name-required = The name can't be empty.
reward-invalid-name-too-long = That name is too long: at most { $limit } characters.
reward-invalid-weight = The weight must be a number above 0 and at most { $max }, like 2 or 2.5.
reward-invalid-pieces = The pieces must be a whole number from 1 to { $max }.

# Stats
stats-none = 📊 No habits yet, so no stats. Create one with /new.
stats-title = 📊 <b>Stats</b> · last 30 days
stats-overall = Overall success: <b>{ $rate }%</b> ({ $achieved } of { $expected })
stats-live-streaks = 🔥 Live streaks: { $live } of { $habits }
stats-habit-line = • <b>{ $habit }</b>: { $rate }% · 🔥 { $current } (best { $longest })
stats-habit-button = 📅 { $habit }
stats-pick-habit = Tap a habit for its 4-week calendar.
stats-habit-title = 📊 <b>{ $habit }</b>
stats-habit-rate = Success, last 30 days: <b>{ $rate }%</b> ({ $achieved } of { $expected })
stats-habit-streak = 🔥 Streak: { $current } now, best { $longest }
stats-calendar-title = <b>Last 4 weeks</b> (Mon → Sun)
stats-calendar-legend = 🟩 done · ⬜ missed · ▫️ not due · ✅ / 🔲 today (done / not yet)

# Settings
settings-title = ⚙️ <b>Settings</b>
settings-language-line = 🌐 Language: { $language }
settings-timezone-line = 🌍 Time zone: { $zone }
settings-odds-line = 🎁 Reward odds: { $level ->
        [more] more often
        [normal] normal
        [fewer] less often
       *[custom] custom
    } (a typical habit wins a piece about { $chance }% of the time), last-habit guarantee { $guarantee ->
        [on] on
       *[off] off
    }
settings-reminders-line = ⏰ Reminders: { $enabled ->
        [on] on
       *[off] off
    }, quiet hours: { $quiet }
settings-summary-line = 📰 Summary: { $mode ->
        [daily] daily at { $time }
        [weekly] Sundays at { $time }
       *[off] off
    }
settings-quiet-off = none
settings-chosen = ✅ { $label }
settings-saved = ✅ Saved
settings-button-language = 🌐 Language
settings-button-timezone = 🌍 Time zone
settings-button-odds = 🎁 Reward odds
settings-button-reminders = ⏰ Reminders
settings-button-summary = 📰 Summary
settings-button-api = 🔑 API access
settings-button-export = 📦 Export my data
settings-language-en = 🇬🇧 English
settings-language-ru = 🇷🇺 Русский
settings-language-kk = 🇰🇿 Қазақша
settings-language-title = 🌐 <b>Language</b>
    Choose the language I speak with you.
settings-timezone-ask = 🌍 Your time zone is <b>{ $zone }</b>. Tap a new one, share your location, or type a zone or a city (for example <code>Europe/Berlin</code> or <code>Almaty</code>).
settings-timezone-keep = ✖️ Keep the current one
settings-timezone-kept = OK, your time zone stays as it was.
settings-timezone-gave-up = Let's leave the time zone as it is for now. Try again from ⚙️ Settings.
settings-odds-title = 🎁 <b>Reward odds</b>
settings-odds-explain = Every habit you complete draws for a piece of a reward. The “no reward” weight decides how often you win: now { $weight }, so a habit of normal weight wins about <b>{ $chance }%</b> on its first day, and more as its streak grows.
settings-guarantee-explain = { $guarantee ->
        [on] 🎯 Last-habit guarantee (on): finishing the last habit due today always wins a piece, when a reward can take one.
       *[off] 🎯 Last-habit guarantee (off): the last habit due today draws like any other. Turn it on and finishing it always wins a piece, when a reward can take one.
    }
settings-odds-more = 🎁 More rewards ({ $weight })
settings-odds-normal = ⚖️ Normal ({ $weight })
settings-odds-fewer = 🧘 Fewer rewards ({ $weight })
settings-guarantee-button = { $guarantee ->
        [on] 🎯 Turn the guarantee on
       *[off] 🎯 Turn the guarantee off
    }
settings-reminders-title = ⏰ <b>Reminders</b>
settings-reminders-state = Reminders are { $enabled ->
        [on] <b>on</b>.
       *[off] <b>off</b>: I send none.
    }
settings-quiet-state = Quiet hours: { $quiet } (no reminders then).
settings-reminders-toggle = { $enabled ->
        [on] 🔔 Turn reminders on
       *[off] 🔕 Turn reminders off
    }
settings-quiet-preset = 🌙 Quiet { $start }–{ $end }
settings-quiet-none = 🔊 No quiet hours
settings-summary-title = 📰 <b>Summary</b>
settings-summary-explain = A short look back: every day at its time (your day: done and still to do, your streaks), or on Sundays (your week: success per habit). It comes at the time you choose, even in quiet hours and with habit reminders off.
settings-summary-off = 🔕 Off
settings-summary-daily = 📅 Daily
settings-summary-weekly = 🗓 Weekly, on Sundays
settings-summary-time = 🕘 { $time }
settings-summary-time-ask = At what time ({ $zone })?
settings-export-sending = 📦 Preparing your data…
settings-export-caption = 📦 Your data: account, habits, completions, rewards and claims (JSON).

# Done for another day
backdate-button = 📅 Another day
backdate-pick-habit = 📅 <b>Done for another day</b>
    Which habit?
backdate-pick-day = 📅 <b>{ $habit }</b>: which day? (up to { $days } days back)
backdate-today = Today
backdate-yesterday = Yesterday
backdate-day-logged = ✅ { $day }
backdate-confirm = Log <b>{ $habit }</b> as done for <b>{ $day }</b>?
backdate-confirm-target = Log <b>{ $habit }</b> as done (target reached) for <b>{ $day }</b>?
backdate-confirm-yes = ✅ Yes, log it
backdate-logged-for = 📅 { $day }

# API access
api-title = 🔑 <b>API access</b>
api-explain = Other apps can keep your habits through our REST API. To sign in to an app, get a one-time <b>login code</b>. For your own scripts, make an <b>API key</b> and send it in the <code>X-API-Key</code> header. Never share a code or a key: I will never ask you for one.
api-keys-none = You have no API keys.
api-keys-title = <b>Your API keys</b>
api-key-line = • <b>{ $name }</b> <code>{ $prefix }…</code> · { $scopes } · made { $created } · last used: { $used }
api-key-never-used = never
api-scope-read = read only
api-scope-write = write only
api-scope-read-write = read and write
api-keys-hint = A key can read or change your habits, tags and rewards, never your account, password or other keys. Revoke any key you don't recognize or no longer use.
api-button-code = 🔢 Get a login code
api-button-new-key = ➕ New API key
api-button-new-read-key = ➕ New read-only key
api-button-revoke = 🗑 Revoke { $name }
api-revoke-confirm = 🗑 Revoke <b>{ $name }</b> (<code>{ $prefix }…</code>)? Apps using it lose access at once.
api-button-revoke-yes = 🗑 Yes, revoke it
api-revoked-toast = 🗑 Key revoked.
api-button-forget = 🧹 I saved it: delete this message
api-forgotten = 🧹 Removed.
api-code = 🔢 Your login code: <code>{ $code }</code>
    It works once, within { $minutes } minutes. Enter it in the app that asked for it.
api-code-limit = You can get { $limit } login codes an hour. The next one at { $time }.
login-code-message = 🔐 An app asked to sign in to your account with Telegram. Your login code: <code>{ $code }</code>
    It works once, within { $minutes } minutes. If it wasn't you, ignore this message and never share the code.
api-button-cancel = ✖️ Cancel
api-button-back-to-access = 🔑 API access
api-key-ask-name = ➕ <b>New API key</b>
    Send a name for it, so you can tell your keys apart (for example: My script). Up to { $limit } characters.
api-key-name-empty = ⚠️ The name can't be empty. Send a name of up to { $limit } characters.
api-key-name-too-long = ⚠️ That name is too long: at most { $limit } characters. Send a shorter one.
api-key-made = 🗝 Your new API key <b>{ $name }</b>:
    <code>{ $key }</code>
    Copy it now: I show it only this once, and I keep only a fingerprint of it.
api-key-too-many = You already have { $limit } API keys. Revoke one to make another.
api-key-gave-up = I didn't get a name, so I made no key.
