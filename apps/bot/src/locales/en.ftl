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
timezone-unknown = 🤔 I don't know the time zone “{ $input }”. Try a city such as Berlin or a zone such as Asia/Almaty.
timezone-set = ✅ Time zone: <b>{ $zone }</b>. Your local time is { $time }.
start-ready = All set! Create your first habit with /new, or use the menu.

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
done-logged = ✅ <b>{ $habit }</b> done! 🔥 Streak: { $streak }
done-reward-won = 🎁 You won a piece of <b>{ $reward }</b>! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> is yours: claim it in Rewards.
done-no-reward = No reward this time. Keep going!
done-milestone-streak = 🏅 { $days } days in a row!
done-milestone-target = 🏅 Milestone reached: { $count } completions!
undo-done = ↩️ Undone: <b>{ $habit }</b> on { $date }.
undo-reward-taken = The piece of { $reward } was taken back.
undo-nothing = Nothing to undo.

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
    /done: mark today's habits done
    /new: create a habit
    /streaks: your streaks
    /habits, /rewards, /stats, /settings
    /cancel: leave the current step
    Each habit you complete can win a piece of a reward you set up.

# Reminders
reminder-text = ⏰ Time for <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Done
reminder-snooze = 💤 Snooze 1 h
reminder-snoozed = 💤 I will remind you about <b>{ $habit }</b> at { $time }.
reminder-skip = Skip today
reminder-skipped = OK, <b>{ $habit }</b> skipped today.
